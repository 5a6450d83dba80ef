-- SORT keys (RFC 5256 §2, RFC 5957 §3), computed at delivery, case-folded, so that a SORT is one
-- ORDER BY. NULL (a row written before this migration, or by a writer that does not compute
-- them) sorts by the fallback the query gives: lower(subject), lower(from_text) etc.
-- base_subject: RFC 5256 §2.1 base subject. from_sort/to_sort/cc_sort: the local part of the
-- first address. display_from/display_to: the first address's display name, else its addr-spec.
ALTER TABLE message_header ADD COLUMN base_subject TEXT;
ALTER TABLE message_header ADD COLUMN from_sort TEXT;
ALTER TABLE message_header ADD COLUMN to_sort TEXT;
ALTER TABLE message_header ADD COLUMN cc_sort TEXT;
ALTER TABLE message_header ADD COLUMN display_from TEXT;
ALTER TABLE message_header ADD COLUMN display_to TEXT;

-- Existing rows, approximated from the stored display forms (`Name <local@host>, ...`): the
-- first address's local part and display name; the subject with one Re:/Fw:/Fwd: leader removed.
UPDATE message_header SET
    base_subject = lower(trim(CASE
        WHEN lower(subject) LIKE 're:%' OR lower(subject) LIKE 'fw:%' THEN substr(subject, 4)
        WHEN lower(subject) LIKE 'fwd:%' THEN substr(subject, 5)
        ELSE subject END)),
    from_sort = (SELECT lower(CASE WHEN instr(a, '@') > 0 THEN substr(a, 1, instr(a, '@') - 1) ELSE a END)
                 FROM (SELECT CASE WHEN instr(from_text, '<') > 0 THEN substr(from_text, instr(from_text, '<') + 1) ELSE from_text END AS a)),
    to_sort = (SELECT lower(CASE WHEN instr(a, '@') > 0 THEN substr(a, 1, instr(a, '@') - 1) ELSE a END)
               FROM (SELECT CASE WHEN instr(to_text, '<') > 0 THEN substr(to_text, instr(to_text, '<') + 1) ELSE to_text END AS a)),
    cc_sort = (SELECT lower(CASE WHEN instr(a, '@') > 0 THEN substr(a, 1, instr(a, '@') - 1) ELSE a END)
               FROM (SELECT CASE WHEN instr(cc_text, '<') > 0 THEN substr(cc_text, instr(cc_text, '<') + 1) ELSE cc_text END AS a)),
    display_from = lower(trim(CASE WHEN instr(from_text, ' <') > 1 THEN substr(from_text, 1, instr(from_text, ' <') - 1)
                                   WHEN instr(from_text, ',') > 0 THEN substr(from_text, 1, instr(from_text, ',') - 1)
                                   ELSE from_text END)),
    display_to = lower(trim(CASE WHEN instr(to_text, ' <') > 1 THEN substr(to_text, 1, instr(to_text, ' <') - 1)
                                 WHEN instr(to_text, ',') > 0 THEN substr(to_text, 1, instr(to_text, ',') - 1)
                                 ELSE to_text END));
