-- Version 3: the page layout of a PDF (or page-image) document as JSON: page sizes and where each stretch of the
-- text is printed ({"pages":[{"width","height"}],"runs":[{"start","end","box":{"page","x","y","width","height"}}]}).
-- The source pane shows a cell's box on its page image with it. NULL for text formats.

ALTER TABLE documents ADD COLUMN layout TEXT;
