package org.xuncha.fieldwork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The records of fieldwork as rows, each keyed by round and 村居. */
final class Records {

    private Records() {}

    /** 公告张贴: where and how many notices were posted. */
    record NoticePosting(
            long id,
            long roundId,
            long localityId,
            @Nullable String villagerGroup,
            @Nullable String naturalVillage,
            String location,
            int copies,
            LocalDate postedOn,
            @Nullable String photoId,
            String recordedBy,
            Instant recordedAt) {}

    /** 大喇叭广播: a loudspeaker broadcast of the notice. */
    record Broadcast(
            long id,
            long roundId,
            long localityId,
            LocalDate broadcastOn,
            String place,
            int times,
            String recordedBy,
            Instant recordedAt) {}

    /** 谈话 (个别谈话 or 座谈会); the notes stay encrypted here and are decrypted only for those who may read them. */
    record Talk(
            long id,
            long roundId,
            long localityId,
            TalkKind kind,
            LocalDate heldOn,
            String place,
            String inspectors,
            int inspectorCount,
            String participants,
            int personTimes,
            String topic,
            byte @Nullable [] notesCipher,
            String recordedBy,
            Instant recordedAt) {}

    /** 入户走访: one visit to one household of the roster. */
    record HouseholdVisit(
            long id,
            long roundId,
            long localityId,
            long householdId,
            String householdCode,
            LocalDate visitedOn,
            @Nullable String inspectors,
            @Nullable String raised,
            Satisfaction satisfaction,
            @Nullable String photoId,
            String recordedBy,
            Instant recordedAt) {}

    /** 未走访原因: why a special household remains unvisited. */
    record VisitExcuse(
            long roundId,
            long householdId,
            long localityId,
            ExcuseReason reason,
            @Nullable String note,
            String recordedBy,
            Instant recordedAt) {}

    /** 调阅资料 / 实地查看, with its attachments. */
    record Examination(
            long id,
            long roundId,
            long localityId,
            ExaminationKind kind,
            LocalDate examinedOn,
            String subject,
            String place,
            String inspectors,
            @Nullable String notes,
            String recordedBy,
            Instant recordedAt,
            List<Attachment> attachments) {}

    /** A file kept with an examination. */
    record Attachment(int position, String fileId, String fileName) {}

    /** 巡察公告 wording of a round as the office edited it; blank parts fall back to the generated text. */
    record NoticeTemplate(
            long roundId,
            @Nullable String title,
            @Nullable String accepts,
            @Nullable String closing,
            int version) {}
}
