// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "memorytuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Pd::MemoryTuning {

void keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    // Blocks up to 32 MiB (glibc's maximum) come from the heap rather than their own
    // mappings, and up to 1 GiB of freed heap stays with the process.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

} // namespace Pd::MemoryTuning
