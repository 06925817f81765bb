"""Source texts: Markdown with YAML front matter cut into segments and put back together, and word counts."""
