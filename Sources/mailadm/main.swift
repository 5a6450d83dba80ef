import Foundation
import MaildexAdmin

exit(await MailAdm.run(arguments: Array(CommandLine.arguments.dropFirst())))
