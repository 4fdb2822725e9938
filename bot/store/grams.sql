-- Run once a first build's film names are in title_grams (see build._Draft): their triples
-- counted, and the names and their triples kept up to date by the triggers below.
INSERT INTO title_gram_docs SELECT term, doc FROM title_gram_counts;

CREATE TRIGGER IF NOT EXISTS names_added AFTER INSERT ON names BEGIN
    INSERT INTO name_changes SELECT CAST(value AS INTEGER), 1, new.norm, new.kind, new.ref,
        new.display FROM meta WHERE key = 'generation';
    INSERT INTO title_grams (rowid, norm) SELECT new.rowid, new.norm WHERE new.kind = 'film';
END;
CREATE TRIGGER IF NOT EXISTS names_removed AFTER DELETE ON names BEGIN
    INSERT INTO name_changes SELECT CAST(value AS INTEGER), 0, old.norm, old.kind, old.ref,
        old.display FROM meta WHERE key = 'generation';
    INSERT INTO title_grams (title_grams, rowid, norm)
        SELECT 'delete', old.rowid, old.norm WHERE old.kind = 'film';
END;
