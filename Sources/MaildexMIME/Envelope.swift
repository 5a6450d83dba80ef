/// The IMAP ENVELOPE of a message (RFC 3501 §7.4.2): the header fields a client shows in a message list.
///
///     S: * 12 FETCH (ENVELOPE ("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes"
///        (("Terry Gray" NIL "gray" "cac.washington.edu")) ... NIL NIL "<B27397-0100000@cac.washington.edu>"))
///
/// Strings are the raw header values (encoded words are not decoded); absent fields are NIL.
public struct Envelope: Sendable, Equatable {
    public var date: String?
    public var subject: String?
    public var from: [Address]
    /// Defaults to `from` when the Sender field is absent or empty.
    public var sender: [Address]
    /// Defaults to `from` when the Reply-To field is absent or empty.
    public var replyTo: [Address]
    public var to: [Address]
    public var cc: [Address]
    public var bcc: [Address]
    public var inReplyTo: String?
    public var messageID: String?

    public init(
        date: String? = nil, subject: String? = nil, from: [Address] = [], sender: [Address] = [],
        replyTo: [Address] = [], to: [Address] = [], cc: [Address] = [], bcc: [Address] = [],
        inReplyTo: String? = nil, messageID: String? = nil
    ) {
        self.date = date
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.inReplyTo = inReplyTo
        self.messageID = messageID
    }

    /// The envelope of a message with `header`.
    public init(header: MessageHeader) {
        func addresses(_ name: String) -> [Address] {
            header.first(name).map(AddressParser.parse) ?? []
        }
        let from = addresses("From")
        let sender = addresses("Sender")
        let replyTo = addresses("Reply-To")
        self.init(
            date: header.first("Date"),
            subject: header.first("Subject"),
            from: from,
            sender: sender.isEmpty ? from : sender,
            replyTo: replyTo.isEmpty ? from : replyTo,
            to: addresses("To"),
            cc: addresses("Cc"),
            bcc: addresses("Bcc"),
            inReplyTo: header.first("In-Reply-To"),
            messageID: header.first("Message-ID")
        )
    }

    /// envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP env-cc SP
    ///            env-bcc SP env-in-reply-to SP env-message-id ")"
    public var imapString: String {
        let fields = [
            IMAPString.nstring(date), IMAPString.nstring(subject),
            from.imapAddressList, sender.imapAddressList, replyTo.imapAddressList,
            to.imapAddressList, cc.imapAddressList, bcc.imapAddressList,
            IMAPString.nstring(inReplyTo), IMAPString.nstring(messageID),
        ]
        return "(" + fields.joined(separator: " ") + ")"
    }
}
