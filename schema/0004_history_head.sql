-- sqgl schema 4: the history remembers its newest event. Deleting the newest events
-- leaves no gap in the chain, so `audit verify` compares the chain's end with this
-- record: a truncated tail shows. (Whoever can write the file can rewrite both;
-- an anchor kept off the machine, `audit verify --anchor HASH`, catches that.)
INSERT INTO settings (key, value)
  SELECT 'history.head', id || ' ' || hash FROM events ORDER BY id DESC LIMIT 1;
CREATE TRIGGER events_head AFTER INSERT ON events
BEGIN
  INSERT INTO settings (key, value) VALUES ('history.head', NEW.id || ' ' || NEW.hash)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
END;
