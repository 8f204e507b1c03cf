"""The knowledge-base tab: search as you type, the results and the article read to the citizen."""
