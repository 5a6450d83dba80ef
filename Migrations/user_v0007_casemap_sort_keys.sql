-- SORT keys in the i;unicode-casemap form that RFC 5256 asks for (RFC 5051: titlecase mapping,
-- then full compatibility decomposition), compared as UTF-8 bytes by the BINARY collation.
-- Keys written before this migration were only lower-cased, so "Ñandú" sorted after "z".
-- maildex_unicode_casemap is a Swift function MaildexIndex registers on every connection
-- (SQLite has no Unicode normalisation). Casemapping a lower-cased key gives the same result as
-- casemapping the original text, so the stored keys are converted in place, no message read.
UPDATE message_header SET
    base_subject = maildex_unicode_casemap(base_subject),
    from_sort = maildex_unicode_casemap(from_sort),
    to_sort = maildex_unicode_casemap(to_sort),
    cc_sort = maildex_unicode_casemap(cc_sort),
    display_from = maildex_unicode_casemap(display_from),
    display_to = maildex_unicode_casemap(display_to);
