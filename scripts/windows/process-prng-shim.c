/*
 * Test harness only, never shipped: Rust's standard library on Windows (1.78 and later)
 * takes its random bytes from ProcessPrng in bcryptprimitives.dll, which Wine 8 (Debian 12)
 * does not export, so every Rust .exe fails to start there. This DLL, copied into the Wine
 * prefix's system32 by scripts/check-windows, exports it on top of RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine has. Newer Wine has the export itself.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
