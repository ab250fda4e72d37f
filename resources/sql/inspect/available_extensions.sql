-- Extensions the server can install (the target side of the extension check).
SELECT name, default_version FROM pg_available_extensions ORDER BY 1;
