"""What `i18ntool build` writes: localised texts rendered as Markdown, HTML and plain text, with the pages' own words."""
