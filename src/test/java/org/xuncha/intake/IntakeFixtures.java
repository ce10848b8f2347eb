package org.xuncha.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The demo's pilot round and its 村居 as the intake tests use them, and photos to upload. */
final class IntakeFixtures {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private IntakeFixtures() {}

    /** Waits until the demo's petitions are in (they follow the pilot's fieldwork). */
    static void awaitDemo(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from intake.petition where triage is not null")
                                .query(Long.class)
                                .single()
                        >= 2);
    }

    static long pilot(JdbcClient jdbc) {
        return jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single();
    }

    /** The pilot's 村居 of the group the demo account serves in (group A), in the round's order. */
    static List<Long> ofGroupOf(JdbcClient jdbc, String username) {
        return jdbc.sql("""
                        select rl.locality_id from planning.round_locality rl
                        join planning.round r on r.id = rl.round_id
                        join planning.group_locality gl on gl.round_id = rl.round_id and gl.locality_id = rl.locality_id
                        join planning.group_member gm on gm.group_id = gl.group_id
                        join inspectors.inspector i on i.id = gm.inspector_id
                        where r.kind = 'PILOT' and i.linked_username = :username order by rl.position
                        """).param("username", username).query(Long.class).list();
    }

    /** The pilot's 村居 of the other groups (group B and on). */
    static List<Long> notOfGroupOf(JdbcClient jdbc, String username) {
        List<Long> ours = ofGroupOf(jdbc, username);
        return jdbc
                .sql("select rl.locality_id from planning.round_locality rl join planning.round r on r.id = rl.round_id"
                        + " where r.kind = 'PILOT' order by rl.position")
                .query(Long.class)
                .list()
                .stream()
                .filter(id -> !ours.contains(id))
                .toList();
    }

    static String localityName(JdbcClient jdbc, long localityId) {
        return jdbc.sql("select name from planning.round_locality where locality_id = :id limit 1")
                .param("id", localityId)
                .query(String.class)
                .single();
    }

    /** A client address of its own for each caller, so the per-client limits of one test do not touch another. */
    static RequestPostProcessor newClient() {
        int n = CLIENTS.incrementAndGet();
        String address = "10.7." + (n / 250) + "." + (n % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static RequestPostProcessor client(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small JPEG with an APP1 Exif segment carrying GPS tag names. */
    static byte[] jpegWithExif() {
        return org.xuncha.files.ExifPhotos.jpegWithGps();
    }
}
