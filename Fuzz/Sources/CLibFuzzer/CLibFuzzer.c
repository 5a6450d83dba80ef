// Declarations only; the driver comes from the fuzzer runtime linked by -sanitize=fuzzer.
#include "CLibFuzzer.h"
