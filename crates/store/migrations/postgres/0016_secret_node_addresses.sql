-- A secret node's address gets a random ending, so that no one can confirm it exists by
-- proposing a node with the same address (new secret nodes get one when they are made).
UPDATE nodes
SET slug = rtrim(substr(slug, 1, 49), '-') || '-' || substr(md5(random()::text || node_id), 1, 10)
WHERE visibility = 'secret';
