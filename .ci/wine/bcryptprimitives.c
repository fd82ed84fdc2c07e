/*
 * A stand-in for Windows' bcryptprimitives.dll, for Wine releases before 8.13, which lack
 * it: Rust's std imports ProcessPrng from it (its random source on Windows 10 and later),
 * so no Rust binary starts without it. ProcessPrng here fills the buffer from RtlGenRandom
 * (advapi32's SystemFunction036), which every Wine has.
 *
 * .ci/run builds it with MinGW and puts it in the Wine prefix the Windows tests run in.
 */
#include <windows.h>

/* RtlGenRandom: declared by no MinGW header under this name, exported by advapi32. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/*
 * Fills `len` bytes at `data` with random bytes. Windows documents that it always returns
 * TRUE; this one returns FALSE if RtlGenRandom fails, which it does not on Wine. It takes
 * at most a ULONG's worth at a time, which a SIZE_T may exceed.
 */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x7fffffffu ? 0x7fffffffu : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
