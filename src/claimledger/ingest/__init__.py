"""Read every kind of input into Articles: one entry point, one module per format.

``read_articles(sources)`` yields an ``Article`` for each article it can read and an
``InputError`` (never raised) for each input it cannot, so a batch goes on past a bad item.
"""
