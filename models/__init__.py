"""The domain: Tortoise tables and the operations that keep them consistent (see services/)."""
