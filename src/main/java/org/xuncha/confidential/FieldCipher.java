package org.xuncha.confidential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts confidential fields (身份证号, whistleblower identity) with SM4 in GCM mode. The stored form is a
 * 12-byte nonce followed by the ciphertext and tag.
 *
 * <p>The 128-bit key comes from {@code XUNCHA_FIELD_KEY} (32 hex digits). Only for the demo (embedded database with
 * the demo not switched off), when the variable is not set, a key is generated once under the data directory. A key
 * that is missing outside the demo (an external database, or {@code XUNCHA_DEMO=false}) or weak stops the start.
 */
@Component
public class FieldCipher {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final int NONCE_BYTES = 12;

    /** Bytes of a blind index token: 64 bits, 16 hex digits. */
    private static final int BLIND_BYTES = 8;

    private final SecretKeySpec key;
    private final byte[] blindKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    FieldCipher(
            @Value("${xuncha.field-key}") String configuredKey,
            @Value("${xuncha.database.url}") String databaseUrl,
            @Value("${xuncha.demo.enabled:}") String demoFlag,
            @Value("${xuncha.data-dir}") String dataDir) {
        this(keyBytes(
                configuredKey,
                !StringUtils.hasText(databaseUrl),
                !"false".equalsIgnoreCase(demoFlag.trim()),
                Path.of(dataDir)));
    }

    /** As the application starts it in demo mode (the demo flag not given). */
    FieldCipher(String configuredKey, String databaseUrl, String dataDir) {
        this(configuredKey, databaseUrl, "", dataDir);
    }

    FieldCipher(byte[] key) {
        this.key = new SecretKeySpec(requireStrong(key), "SM4");
        this.blindKey = derive(key, "xuncha/search/blind-index");
    }

    /**
     * A blind index token of a word of a confidential text (HMAC-SM3 under a key derived from the field key, 16 hex
     * digits after a {@code b}): the same word always gives the same token, so a search index can hold and match the
     * tokens of encrypted text without holding its words; without the key a token reveals nothing of the word.
     */
    public String blindIndex(String word) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(blindKey));
        byte[] input = word.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return "b" + HexFormat.of().formatHex(out, 0, BLIND_BYTES);
    }

    /** A subkey for one purpose: SM3 over the purpose and the key, so the field key itself is never used twice. */
    private static byte[] derive(byte[] key, String purpose) {
        SM3Digest digest = new SM3Digest();
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        digest.update(label, 0, label.length);
        digest.update(key, 0, key.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Encrypts a value; the same plaintext gives a different ciphertext each time. */
    public byte[] encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
    }

    /** Decrypts what {@link #encrypt} produced; a tampered value fails. Callers audit each decryption. */
    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 decryption failed: the value was altered or the key is wrong", e);
        }
    }

    private static byte[] keyBytes(String configured, boolean embedded, boolean demo, Path dataDir) {
        if (StringUtils.hasText(configured)) {
            return parse(configured.trim(), "XUNCHA_FIELD_KEY");
        }
        if (!embedded) {
            throw new IllegalStateException(
                    "XUNCHA_FIELD_KEY is not set: an external database needs a 32-hex-digit SM4 key for confidential fields");
        }
        if (!demo) {
            throw new IllegalStateException("XUNCHA_FIELD_KEY is not set: outside the demo (XUNCHA_DEMO=false) the"
                    + " application needs a 32-hex-digit SM4 key for confidential fields; a key is generated only for"
                    + " the demo");
        }
        Path keyFile = dataDir.resolve("secrets").resolve("field-key");
        try {
            if (Files.exists(keyFile)) {
                return parse(Files.readString(keyFile).trim(), keyFile.toString());
            }
            Files.createDirectories(keyFile.getParent());
            byte[] generated = new byte[16];
            new SecureRandom().nextBytes(generated);
            Files.writeString(keyFile, HexFormat.of().formatHex(generated));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory's own permissions apply
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the field key " + keyFile, e);
        }
    }

    private static byte[] parse(String hex, String source) {
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalStateException(source + " must be 32 hexadecimal digits (a 128-bit SM4 key)");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] requireStrong(byte[] key) {
        if (key.length != 16 || Arrays.stream(box(key)).distinct().count() < 8) {
            throw new IllegalStateException(
                    "the SM4 field key is weak: it needs 16 bytes with at least 8 distinct values");
        }
        return key.clone();
    }

    private static Byte[] box(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
