-- film-bot catalog store. Built from facts files: a first build writes a new file, later
-- ones change it in one write transaction (write-ahead log, so readers keep their snapshot).
PRAGMA user_version = 9;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,        -- relative to the facts directory
    display TEXT NOT NULL,            -- as reported in errors
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    films INTEGER NOT NULL,
    imported TEXT,                    -- the importer that wrote the file, if one did
    mtime_ns INTEGER NOT NULL DEFAULT 0  -- modification time when last read
);

CREATE TABLE films (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    norm TEXT NOT NULL,
    year INTEGER,
    status TEXT NOT NULL,
    follows TEXT,
    runtime_minutes INTEGER,
    release_date TEXT,
    synopsis TEXT,
    tagline TEXT,
    trailer TEXT,
    imdb_rating TEXT,
    imdb_votes TEXT,
    imdb_id TEXT,
    rating REAL,                      -- imdb_rating when it is a number, for sorting
    votes INTEGER,                    -- imdb_votes when it is a number
    poster TEXT,
    file_id INTEGER NOT NULL,
    position INTEGER NOT NULL,        -- index of the film in its file
    digest TEXT NOT NULL              -- content hash, to tell changed films on reload
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL UNIQUE,
    born TEXT,
    died TEXT,
    declared_in INTEGER               -- file id of a people: entry, if any
);

-- A film's credits, values, sources and trivia are kept in the order of their key, by film
-- (WITHOUT ROWID): a film's rows are read together, and a first build need not index them
-- by film once they are written.
-- role: director | writer | producer | composer | cast
CREATE TABLE credits (
    film_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    character TEXT,
    character_norm TEXT,
    note TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (film_id, role, position)
) WITHOUT ROWID;

-- kind: alias | genre | language | country | company | setting | tag
CREATE TABLE film_values (
    film_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    norm TEXT NOT NULL,
    position INTEGER NOT NULL,
    year INTEGER,                     -- the film's, so a genre's films can be walked by year
    PRIMARY KEY (film_id, kind, position)
) WITHOUT ROWID;

CREATE TABLE sources (
    film_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    url TEXT,
    text TEXT,
    note TEXT,
    PRIMARY KEY (film_id, position)
) WITHOUT ROWID;

-- imported films left out because a hand-written film has their imdb_id
CREATE TABLE yielded (imdb_id TEXT NOT NULL, file_id INTEGER NOT NULL);

CREATE TABLE trivia (
    film_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (film_id, position)
) WITHOUT ROWID;

-- every name a question or an autocomplete can mention, normalised
-- kind: film | person | character | genre | language | country | company | setting | tag
CREATE TABLE names (
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref INTEGER NOT NULL,             -- film id, person id, or 0 for values
    display TEXT NOT NULL
);
CREATE UNIQUE INDEX names_key ON names (kind, norm, ref);

-- Every name a reload added (added = 1) or removed (0), by reload (meta 'generation'):
-- the next catalog updates its in-memory name indexes from it instead of reading them all.
CREATE TABLE name_changes (
    generation INTEGER NOT NULL,
    added INTEGER NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref INTEGER NOT NULL,
    display TEXT NOT NULL
);

-- Film names by their three-letter pieces: the few titles a misspelt title may mean.
CREATE VIRTUAL TABLE title_grams USING fts5 (norm, content = '', tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE title_gram_counts USING fts5vocab (title_grams, 'row');
-- How many film names have each triple, kept as a table: the vocabulary above counts them
-- by reading the whole list of names that have it.
CREATE TABLE title_gram_docs (gram TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
