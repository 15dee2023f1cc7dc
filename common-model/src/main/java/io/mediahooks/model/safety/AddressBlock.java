package io.mediahooks.model.safety;

/** An address range: the first {@code bits} bits of {@code prefix} (4 bytes for IPv4, 16 for IPv6). */
record AddressBlock(byte[] prefix, int bits) {

    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }
}
