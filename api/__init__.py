"""The API: `graphql/` (schema, types, root fields, loaders), `rest/` (exports), `http/`
(response cache, health), `data/` (the repository every read goes through); `app.py`
composes them."""
