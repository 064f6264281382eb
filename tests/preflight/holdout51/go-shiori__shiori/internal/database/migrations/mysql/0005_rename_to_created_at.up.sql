ALTER TABLE bookmark RENAME COLUMN modified to created_at;
