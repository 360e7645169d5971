/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test
 * only: Go 1.22 and later fill their random numbers from its ProcessPrng
 * at start-up, and Wine 8 has no such DLL. Real Windows 10 and 11 ship
 * it, so this is never installed by ClinicDesk's installer.
 *
 * It answers from RtlGenRandom (advapi32's SystemFunction036), the
 * system's cryptographic generator that Wine does implement.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
