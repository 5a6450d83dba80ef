// libFuzzer's driver entry (compiler-rt FuzzerInterface.h). SwiftPM links an executable target with
// `--defsym main=<module>_main`, so each fuzz target defines that symbol and starts the driver itself.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
