-- Same text output on both servers, whatever their defaults: row hashes are computed from t::text.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET extra_float_digits = 3;
SET bytea_output = 'hex';
SET statement_timeout = 0;
SET default_transaction_read_only = on;
