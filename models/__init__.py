"""The domain: Tortoise tables and the operations that keep them consistent (see services/).

Note for model authors: Tortoise turns a model's class docstring into a table comment inside the
migration SQL, so keep `;` and quotes out of model docstrings.
"""
