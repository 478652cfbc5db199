-- Rich reply parts (CONTRACT §3.1): the kind of item a part is and its details as JSON (both NULL for a text
-- part, whose text is the whole content), and the provider's id of the media uploaded for a media part, kept
-- before the part is sent so a retry never uploads again.
ALTER TABLE outbound_messages ADD COLUMN content_type TEXT;
ALTER TABLE outbound_messages ADD COLUMN content_json TEXT;
ALTER TABLE outbound_messages ADD COLUMN media_id TEXT;
