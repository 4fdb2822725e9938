"""Questions → answers over the catalog. Nothing here knows about Discord."""

from bot.answering.engine import MAX_QUESTION_CHARS, answer, clean_question
from bot.answering.reply import Answer

__all__ = ["MAX_QUESTION_CHARS", "Answer", "answer", "clean_question"]
