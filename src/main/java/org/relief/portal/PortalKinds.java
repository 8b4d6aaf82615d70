package org.relief.portal;

import org.relief.portal.Diary.DiaryDay;
import org.relief.record.RecordKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's record kind: the daily diary ({@code diary_entry}, V80), one entry a day, versioned. */
@Configuration(proxyBeanMethods = false)
class PortalKinds {

    @Bean
    RecordKind<DiaryDay> diaryDays() {
        return RecordKind.of("diary_entry", DiaryDay.class, "day desc");
    }
}
