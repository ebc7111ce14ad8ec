"""Language data: one folder per language code, data files only (read by claimledger.nlp.lexicon)."""
