-- Created after a bulk build (faster than maintaining them row by row).
CREATE INDEX IF NOT EXISTS films_norm ON films (norm);
CREATE INDEX IF NOT EXISTS films_year ON films (year);
CREATE INDEX IF NOT EXISTS films_file ON films (file_id);
CREATE INDEX IF NOT EXISTS films_imdb ON films (imdb_id) WHERE imdb_id IS NOT NULL;
-- (the tables of a film's rows are kept by film: see schema.sql)
CREATE INDEX IF NOT EXISTS credits_person ON credits (person_id, role, film_id);
CREATE INDEX IF NOT EXISTS credits_character ON credits (character_norm) WHERE character_norm IS NOT NULL;
CREATE INDEX IF NOT EXISTS values_norm ON film_values (kind, norm, year, film_id);
CREATE INDEX IF NOT EXISTS names_norm ON names (norm);
CREATE INDEX IF NOT EXISTS names_ref ON names (kind, ref);
CREATE INDEX IF NOT EXISTS people_declared ON people (declared_in) WHERE declared_in IS NOT NULL;
-- Sorting and filtering films (bot/store/discovery.py); partial, so films without the
-- value cost nothing.
CREATE INDEX IF NOT EXISTS films_rating ON films (rating DESC, votes DESC) WHERE rating IS NOT NULL;
CREATE INDEX IF NOT EXISTS films_votes ON films (votes DESC, rating DESC) WHERE votes IS NOT NULL;
CREATE INDEX IF NOT EXISTS films_runtime ON films (runtime_minutes) WHERE runtime_minutes IS NOT NULL;
CREATE INDEX IF NOT EXISTS films_status ON films (status, year) WHERE status != 'released';
CREATE INDEX IF NOT EXISTS name_changes_generation ON name_changes (generation);
