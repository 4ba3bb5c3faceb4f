"""File adapters (PDF, DOCX, HTML, Excel, charts). No Django; heavy imports inside functions."""
