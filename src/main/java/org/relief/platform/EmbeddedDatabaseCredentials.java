package org.relief.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The embedded PostgreSQL's two passwords: the superuser's (Flyway) and the application role's. Generated at the
 * first start and kept in {@code <data-dir>/postgres-credentials.properties}, readable and writable by its owner
 * only; a throw-away (test) database keeps them in memory.
 */
public record EmbeddedDatabaseCredentials(Path file, String superuserPassword, String appPassword, boolean stored) {

    static final String FILE = "postgres-credentials.properties";

    static EmbeddedDatabaseCredentials loadOrGenerate(Path file) throws IOException {
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            String superuser = p.getProperty("superuser-password", "");
            String app = p.getProperty("app-password", "");
            if (!superuser.isBlank() && !app.isBlank()) {
                return new EmbeddedDatabaseCredentials(file, superuser, app, true);
            }
        }
        return generate(file);
    }

    static EmbeddedDatabaseCredentials generate(Path file) {
        return new EmbeddedDatabaseCredentials(file, password(), password(), false);
    }

    /** Writes the file (owner-only) atomically; without a file (throw-away database) there is nothing to keep. */
    void store() throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Properties p = new Properties();
        p.setProperty("superuser-password", superuserPassword);
        p.setProperty("app-password", appPassword);
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(
                    w,
                    "Relief's embedded PostgreSQL: superuser 'postgres' (migrations) and 'relief_app' (the "
                            + "application). Keep this file private.");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return "EmbeddedDatabaseCredentials[" + file + "]";
    }

    private static String password() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
