ALTER TABLE file_object_keys 
    ALTER COLUMN size TYPE BIGINT;

ALTER TABLE thumbnail_object_keys 
    ALTER COLUMN size TYPE BIGINT;
