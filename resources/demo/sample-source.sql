-- Sample databases for the demo source server. Each section runs in the database its
-- marker names (the database is created first). Deterministic: no random().

-- @database shop
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE TABLE customers (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers(id),
    total       numeric(12,2) NOT NULL,
    status      order_status NOT NULL DEFAULT 'new',
    items       jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
INSERT INTO customers (name, email, created_at)
SELECT 'Customer ' || g, 'customer' || g || '@example.com', timestamptz '2024-01-01' + g * interval '1 hour'
  FROM generate_series(1, 2000) g;
INSERT INTO orders (customer_id, total, status, items)
SELECT 1 + (g % 2000), (g % 997) * 1.25, (ARRAY['new','paid','shipped','cancelled']::order_status[])[1 + g % 4],
       jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (g % 300), 'qty', 1 + g % 5))
  FROM generate_series(1, 20000) g;

-- @database analytics
CREATE TABLE events (
    ts      timestamptz NOT NULL,
    kind    text NOT NULL,
    payload jsonb
);
CREATE INDEX events_ts_idx ON events (ts);
INSERT INTO events (ts, kind, payload)
SELECT timestamptz '2024-06-01' + g * interval '1 minute', (ARRAY['view','click','buy'])[1 + g % 3], jsonb_build_object('n', g)
  FROM generate_series(1, 50000) g;
CREATE MATERIALIZED VIEW daily_counts AS
SELECT date_trunc('day', ts) AS day, kind, count(*) AS n FROM events GROUP BY 1, 2;

-- @database inventory
CREATE SCHEMA warehouse;
CREATE TABLE warehouse.products (
    sku   text PRIMARY KEY,
    title text NOT NULL,
    price numeric(10,2) NOT NULL
);
CREATE TABLE warehouse.stock (
    sku      text REFERENCES warehouse.products(sku),
    location text,
    qty      integer NOT NULL,
    PRIMARY KEY (sku, location)
);
INSERT INTO warehouse.products SELECT 'SKU-' || g, 'Product ' || g, (g % 50) + 0.99 FROM generate_series(0, 299) g;
INSERT INTO warehouse.stock SELECT 'SKU-' || g, 'LOC-' || (g % 7), g % 40 FROM generate_series(0, 299) g;
-- A manual for one product kept as a large object: logical replication does not carry these.
SELECT lo_from_bytea(0, convert_to('Assembly manual for SKU-1', 'UTF8'));
