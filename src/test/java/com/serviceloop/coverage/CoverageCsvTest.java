package com.serviceloop.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageCsvTest {

  @Test
  void readsRequiredAndOptionalColumnsInAnyOrderAndIgnoresOthers() {
    List<CoverageRow> rows = CoverageCsv.parse("""
        building,region,freePorts,compound,households,comment
        1,Hangzhou-Xihu,12,"Wenyuan Garden, North",48,"new ""FTTH"" cabinet"
        2,Hangzhou-Xihu,0,Wenyuan Garden,,
        """);
    assertThat(rows).containsExactly(
        new CoverageRow("Hangzhou-Xihu", "Wenyuan Garden, North", "1", 12, 48, null),
        new CoverageRow("Hangzhou-Xihu", "Wenyuan Garden", "2", 0, null, null));
  }

  @Test
  void everyBadLineIsReportedWithItsNumber() {
    assertThatThrownBy(() -> CoverageCsv.parse("""
        region,compound,building,freePorts
        R,C,1,3
        R,C,2,-1
        R,,3,4
        R,C,4
        R,C,1,5
        """))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(error -> error.message().substring(0, error.message().indexOf(':')), FieldError::field)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("line 3", "freePorts"),
                org.assertj.core.groups.Tuple.tuple("line 4", "compound"),
                org.assertj.core.groups.Tuple.tuple("line 5", "row"),
                org.assertj.core.groups.Tuple.tuple("line 6", "building")))
        .hasMessageContaining("line 3, line 4, line 5, line 6").hasMessageContaining("nothing imported");
  }

  @Test
  void aHeaderWithoutARequiredColumnIsRejected() {
    assertThatThrownBy(() -> CoverageCsv.parse("region,compound,building\nR,C,1\n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).containsExactly("freePorts"));
  }
}
