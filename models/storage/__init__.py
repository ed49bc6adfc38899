"""Database plumbing: connections, hand-written SQL, batches."""
