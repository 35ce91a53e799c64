package com.serviceloop.calendar;

import com.tyme.holiday.LegalHoliday;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The operator's working-time calendar: deadlines such as "first contact within 2 working hours" or
 * "installed within 3 working days".
 *
 * <p>A day is a working day when the override file says so; otherwise, for a year the operator gave a
 * schedule of its own ({@link OperatorSchedules}: a file of the models folder or the administrator's API),
 * when that schedule says so; otherwise when China's official holiday schedule (tyme4j's
 * {@link LegalHoliday}: public holidays and make-up working days, 调休) says so; otherwise when it is one
 * of the configured working weekdays (Monday to Friday). Working hours are
 * {@code workStart}–{@code workEnd} (09:00–18:00) in the configured zone (Asia/Shanghai).
 *
 * <p>A plain class: construct it with {@link CalendarProperties} anywhere (tests, DMN helpers, the
 * benchmark); in the application it is the Spring bean {@code workingTimeCalendar}, which reads the
 * operator's schedules from the database at each computation (cached while unchanged). Thread-safe; it knows
 * nothing of Camunda and has no notion of "now".
 */
@Component
public class WorkingTimeCalendar {

  /** How a duration is counted. */
  public enum TimeMode {
    /** Days part = working days, time part = working hours inside the working day. */
    WORKING,
    /** Plain elapsed time in the calendar's zone (P3D = three calendar days, PT24H = 24 hours). */
    NATURAL;

    /** Parses "WORKING" / "natural" (as DMN outputs and process variables carry it). */
    public static TimeMode of(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("A time mode is required: WORKING or NATURAL");
      }
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown time mode \"" + value + "\": expected WORKING or NATURAL");
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(WorkingTimeCalendar.class);

  /** How far to look for the next working day before declaring the configuration broken. */
  private static final int MAX_DAYS_WITHOUT_WORK = 366;

  private final CalendarProperties properties;
  private final ZoneId zone;
  private final LocalTime workStart;
  private final LocalTime workEnd;
  private final Map<LocalDate, Boolean> overrides;
  private final Set<Integer> overrideYears;
  /**
   * tyme4j's entries per year (date → working?), read once per year and JVM (the library's data is static);
   * empty = the library does not cover the year.
   */
  private static final Map<Integer, Map<LocalDate, Boolean>> LIBRARY_YEARS = new ConcurrentHashMap<>();
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
  /** The operator's schedules; resolved at each computation (a new version counts at once). */
  private final Supplier<OperatorSchedules> operatorSchedules;

  /** A calendar without operator schedules: override file, tyme4j, working weekdays. */
  public WorkingTimeCalendar(CalendarProperties properties) {
    this(properties, (OperatorSchedules) null);
  }

  /** A calendar with the operator's schedules (null = none). */
  public WorkingTimeCalendar(CalendarProperties properties, OperatorSchedules schedules) {
    this(properties, () -> schedules);
  }

  /** The Spring bean: the operator's schedules from the database ({@link CalendarYearRepository}) when there. */
  @Autowired
  public WorkingTimeCalendar(CalendarProperties properties, ObjectProvider<OperatorSchedules> schedules) {
    this(properties, (Supplier<OperatorSchedules>) schedules::getIfAvailable);
  }

  private WorkingTimeCalendar(CalendarProperties properties, Supplier<OperatorSchedules> schedules) {
    this.operatorSchedules = schedules;
    this.properties = properties != null ? properties : CalendarProperties.defaults();
    this.zone = this.properties.zone();
    this.workStart = this.properties.workStart();
    this.workEnd = this.properties.workEnd();
    this.overrides = CalendarOverrides.load(this.properties.overrideFile());
    this.overrideYears = overrides.keySet().stream().map(LocalDate::getYear).collect(Collectors.toUnmodifiableSet());
    if (overrides.isEmpty()) {
      LOG.debug("Working-time calendar: {} {}–{} on {}, holidays from tyme4j",
          zone, workStart, workEnd, this.properties.workingDays());
    } else {
      LOG.info("Working-time calendar: {} {}–{} on {}, holidays from tyme4j, {} override(s) from {}",
          zone, workStart, workEnd, this.properties.workingDays(), overrides.size(), this.properties.overrideFile());
    }
  }

  /** A calendar with the defaults: Asia/Shanghai, Monday to Friday 09:00–18:00, no override file. */
  public static WorkingTimeCalendar withDefaults() {
    return new WorkingTimeCalendar(CalendarProperties.defaults());
  }

  public ZoneId zone() {
    return zone;
  }

  public CalendarProperties properties() {
    return properties;
  }

  // ---------------------------------------------------------------- deadlines

  /**
   * The deadline {@code isoDuration} after {@code start}.
   *
   * <ul>
   *   <li>WORKING: a start outside working hours first moves to the next working moment; the days part
   *       then counts working days (same clock time on the n-th following working day), the time part
   *       counts working hours inside working days, across nights, weekends and holidays. A deadline
   *       that uses up a day exactly ends at {@code workEnd} of that day. Only days and time are allowed.
   *   <li>NATURAL: plain elapsed time; the date part (Y, M, W, D) is calendar arithmetic in the zone,
   *       the time part is exact elapsed time.
   * </ul>
   *
   * @throws IllegalArgumentException for a missing start or mode, or a missing, malformed or negative duration
   */
  public Instant due(Instant start, String isoDuration, TimeMode mode) {
    if (start == null) {
      throw new IllegalArgumentException("A start instant is required to compute a deadline");
    }
    if (mode == null) {
      throw new IllegalArgumentException("A time mode is required: WORKING or NATURAL");
    }
    IsoSpan span = IsoSpan.parse(isoDuration);
    if (mode == TimeMode.NATURAL) {
      return start.atZone(zone).plus(span.period()).plus(span.time()).toInstant();
    }
    if (span.hasCalendarUnits()) {
      throw new IllegalArgumentException(
          "Duration \"" + isoDuration + "\" uses years, months or weeks: in WORKING mode only working days"
              + " (P3D) and working hours/minutes (PT2H, PT30M) are counted; use NATURAL for calendar periods");
    }
    Days days = days();
    Instant afterDays = days.addWorkingDays(start, span.period().getDays());
    return days.addWorkingTime(afterDays, span.time());
  }

  /** {@link #due(Instant, String, TimeMode)} for delegates that hold {@code java.util.Date} variables. */
  public Date due(Date start, String isoDuration, TimeMode mode) {
    if (start == null) {
      throw new IllegalArgumentException("A start date is required to compute a deadline");
    }
    return Date.from(due(start.toInstant(), isoDuration, mode));
  }

  /**
   * For expressions and delegates holding untyped values: the start as {@link #toInstant(Object)} reads it
   * (Date, ISO string from a form, …), the mode as text ("WORKING"/"NATURAL", as DMN outputs carry it).
   * A distinct name, so JUEL never has to choose between the {@code due} overloads:
   * {@code ${workingTimeCalendar.dueDate(receivedAt, firstContactLimit, firstContactTimeMode)}}.
   */
  public Date dueDate(Object start, String isoDuration, String mode) {
    return Date.from(due(toInstant(start), isoDuration, TimeMode.of(mode)));
  }

  /**
   * The moment at {@code share} (0..1) of the limit {@code isoDuration} from {@code start}, counted in the
   * limit's own mode — an SLA warning's due date: {@link #shareOf} of the span to {@link #due}. 50 % of
   * {@code PT2H} WORKING from Friday 17:00 (due Monday 10:00) is one working hour: Monday 09:00, not Friday
   * 18:00 and never Friday 18:00 + 1 natural hour.
   */
  public Instant dueAtShare(Instant start, String isoDuration, double share, TimeMode mode) {
    return shareOf(start, due(start, isoDuration, mode), share, mode);
  }

  /**
   * The moment at {@code share} (0..1) of the span from {@code start} to {@code deadline}: NATURAL the share
   * of the elapsed time; WORKING the share of the working time between them, added to {@code start} as
   * working time. A moment before the deadline that would fall on the end of a working day moves to the next
   * working moment (a warning reaches people at work; in working time both are the same moment).
   */
  public Instant shareOf(Instant start, Instant deadline, double share, TimeMode mode) {
    if (start == null || deadline == null || mode == null) {
      throw new IllegalArgumentException("A start, a deadline and a time mode are required");
    }
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("A share of a limit is between 0 and 1, not " + share);
    }
    if (mode == TimeMode.NATURAL) {
      long span = Math.max(0, Duration.between(start, deadline).toMillis());
      return start.plusMillis(Math.round(span * share));
    }
    Duration working = workingTimeBetween(start, deadline);
    Instant at = addWorkingTime(start, Duration.ofMillis(Math.round(working.toMillis() * share)));
    return at.isBefore(deadline) && !isWorkingTime(at) ? nextWorkingMoment(at) : at;
  }

  /** The same clock time on the {@code days}-th working day after the next working moment from {@code start}. */
  public Instant addWorkingDays(Instant start, int days) {
    return days().addWorkingDays(start, days);
  }

  /** {@code amount} of working time after {@code start} (which first moves to the next working moment). */
  public Instant addWorkingTime(Instant start, Duration amount) {
    return days().addWorkingTime(start, amount);
  }

  /**
   * The inverse of {@link #addWorkingTime}: the latest moment from which {@code amount} of working time reaches
   * {@code end} (found by bisection, to the second, over the natural span that can hold it), e.g. to give back
   * the unused part of a pause.
   */
  public Instant subtractWorkingTime(Instant end, Duration amount) {
    Instant low = end.minus(amount);
    while (workingTimeBetween(low, end).compareTo(amount) < 0) {
      low = low.minus(Duration.ofDays(7)); // a week always holds working time, even a Golden Week
    }
    Instant high = end.minus(amount); // working time never runs faster than the clock
    while (Duration.between(low, high).getSeconds() > 1) {
      Instant middle = low.plus(Duration.between(low, high).dividedBy(2));
      if (workingTimeBetween(middle, end).compareTo(amount) >= 0) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return workingTimeBetween(high, end).compareTo(amount) >= 0 ? high : low;
  }

  /** {@code instant} itself when it is inside working hours, else the start of the next working period. */
  public Instant nextWorkingMoment(Instant instant) {
    return days().nextWorkingMoment(instant);
  }

  /** Whether {@code instant} falls inside working hours of a working day. */
  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime at = instant.atZone(zone);
    LocalTime time = at.toLocalTime();
    return isWorkingDay(at.toLocalDate()) && !time.isBefore(workStart) && time.isBefore(workEnd);
  }

  /** The working time between two instants (zero when {@code to} is not after {@code from}), e.g. for KPIs. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    return days().workingTimeBetween(from, to);
  }

  // ---------------------------------------------------------------- days

  /** Override file first, then the operator's schedule of the year, else tyme4j (holidays and 调休), then the working weekdays. */
  public boolean isWorkingDay(LocalDate date) {
    return days().isWorkingDay(date);
  }

  /** The first working day on or after the first of {@code month} (e.g. 2026-10 → 2026-10-08). */
  public LocalDate firstWorkingDayOf(YearMonth month) {
    Days days = days();
    LocalDate first = month.atDay(1);
    return days.isWorkingDay(first) ? first : days.nextWorkingDayAfter(first);
  }

  /** The next working day strictly after {@code date}. */
  public LocalDate nextWorkingDayAfter(LocalDate date) {
    return days().nextWorkingDayAfter(date);
  }

  /**
   * Whether the holiday schedule for {@code year} is known: the operator gave one (file or API), tyme4j covers
   * it, or the override file has entries for it.
   */
  public boolean hasHolidayScheduleFor(int year) {
    return days().hasScheduleFor(year);
  }

  /** Where the schedule of {@code year} comes from. */
  public enum ScheduleSource { OPERATOR, LIBRARY, OVERRIDE_FILE, NONE }

  /** Where the schedule of {@code year} comes from (the override file's corrections aside, when there is more). */
  public ScheduleSource scheduleSourceOf(int year) {
    Days days = days();
    if (days.operator.years().containsKey(year)) {
      return ScheduleSource.OPERATOR;
    }
    if (!libraryYear(year).isEmpty()) {
      return ScheduleSource.LIBRARY;
    }
    return overrideYears.contains(year) ? ScheduleSource.OVERRIDE_FILE : ScheduleSource.NONE;
  }

  /** tyme4j's schedule of {@code year} with the names of its days, if the library covers the year. */
  public Optional<HolidaySchedule> librarySchedule(int year) {
    if (libraryYear(year).isEmpty()) {
      return Optional.empty();
    }
    List<HolidaySchedule.Day> holidays = new ArrayList<>();
    List<HolidaySchedule.Day> workdays = new ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      LegalHoliday holiday = LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth());
      if (holiday != null) {
        (holiday.isWork() ? workdays : holidays).add(new HolidaySchedule.Day(d, holiday.getName()));
      }
    }
    return Optional.of(new HolidaySchedule(year, "tyme4j", holidays, workdays));
  }

  /**
   * The first year without a holiday schedule that a deadline from {@code start} to {@code due} runs into, when
   * the deadline counts working time (a NATURAL deadline does not depend on holidays); empty otherwise. Such a
   * deadline was counted with weekends only and may fall on a public holiday.
   */
  public OptionalInt unscheduledYearOf(Instant start, Instant due, TimeMode mode) {
    if (start == null || due == null || mode != TimeMode.WORKING) {
      return OptionalInt.empty();
    }
    Days days = days();
    int from = start.atZone(zone).getYear();
    int to = due.atZone(zone).getYear();
    for (int year = from; year <= to; year++) {
      if (!days.hasScheduleFor(year)) {
        return OptionalInt.of(year);
      }
    }
    return OptionalInt.empty();
  }

  private Map<LocalDate, Boolean> libraryYear(int year) {
    return LIBRARY_YEARS.computeIfAbsent(year, WorkingTimeCalendar::readLibraryYear);
  }

  /** The calendar's days with the operator's schedules as they are now: one view per computation. */
  private Days days() {
    OperatorSchedules source = operatorSchedules.get();
    return new Days(source == null ? OperatorSchedules.Snapshot.EMPTY : source.current());
  }

  /** Working days and working time for one computation, over one snapshot of the operator's schedules. */
  private final class Days {

    final OperatorSchedules.Snapshot operator;

    Days(OperatorSchedules.Snapshot operator) {
      this.operator = operator;
    }

    boolean hasScheduleFor(int year) {
      return operator.years().containsKey(year) || !libraryYear(year).isEmpty() || overrideYears.contains(year);
    }

    Instant addWorkingDays(Instant start, int days) {
      if (days < 0) {
        throw new IllegalArgumentException("Working days must not be negative: " + days);
      }
      ZonedDateTime from = nextWorkingMoment(start).atZone(zone);
      LocalDate date = from.toLocalDate();
      for (int i = 0; i < days; i++) {
        date = nextWorkingDayAfter(date);
      }
      return ZonedDateTime.of(date, from.toLocalTime(), zone).toInstant();
    }

    Instant addWorkingTime(Instant start, Duration amount) {
      if (amount == null || amount.isNegative()) {
        throw new IllegalArgumentException("Working time must not be missing or negative: " + amount);
      }
      ZonedDateTime from = nextWorkingMoment(start).atZone(zone);
      LocalDate date = from.toLocalDate();
      LocalTime time = from.toLocalTime();
      Duration remaining = amount;
      while (true) {
        Duration available = Duration.between(time, workEnd);
        if (remaining.compareTo(available) <= 0) {
          return ZonedDateTime.of(date, time.plus(remaining), zone).toInstant();
        }
        remaining = remaining.minus(available);
        date = nextWorkingDayAfter(date);
        time = workStart;
      }
    }

    Instant nextWorkingMoment(Instant instant) {
      if (instant == null) {
        throw new IllegalArgumentException("An instant is required");
      }
      ZonedDateTime at = instant.atZone(zone);
      LocalDate date = at.toLocalDate();
      LocalTime time = at.toLocalTime();
      if (isWorkingDay(date)) {
        if (time.isBefore(workStart)) {
          return ZonedDateTime.of(date, workStart, zone).toInstant();
        }
        if (time.isBefore(workEnd)) {
          return instant;
        }
      }
      return ZonedDateTime.of(nextWorkingDayAfter(date), workStart, zone).toInstant();
    }

    Duration workingTimeBetween(Instant from, Instant to) {
      if (from == null || to == null || !to.isAfter(from)) {
        return Duration.ZERO;
      }
      ZonedDateTime start = from.atZone(zone);
      ZonedDateTime end = to.atZone(zone);
      Duration total = Duration.ZERO;
      for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
        if (!isWorkingDay(date)) {
          continue;
        }
        ZonedDateTime dayStart = ZonedDateTime.of(date, workStart, zone);
        ZonedDateTime dayEnd = ZonedDateTime.of(date, workEnd, zone);
        ZonedDateTime a = start.isAfter(dayStart) ? start : dayStart;
        ZonedDateTime b = end.isBefore(dayEnd) ? end : dayEnd;
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
      return total;
    }

    boolean isWorkingDay(LocalDate date) {
      if (date == null) {
        throw new IllegalArgumentException("A date is required");
      }
      Boolean override = overrides.get(date);
      if (override != null) {
        return override;
      }
      Map<LocalDate, Boolean> operatorYear = operator.years().get(date.getYear());
      if (operatorYear != null) {
        Boolean scheduled = operatorYear.get(date);
        return scheduled != null ? scheduled : properties.workingDays().contains(date.getDayOfWeek());
      }
      Map<LocalDate, Boolean> library = libraryYear(date.getYear());
      Boolean official = library.get(date);
      if (official != null) {
        return official;
      }
      if (library.isEmpty() && !overrideYears.contains(date.getYear()) && warnedYears.add(date.getYear())) {
        LOG.warn(
            "No holiday schedule for {}: neither the operator (calendar/holidays-{}.json, PUT /api/calendar/years/{})"
                + " nor tyme4j nor the override file ({}) has it; only weekends count as non-working days."
                + " Add the official schedule (docs/calendar.md).",
            date.getYear(), date.getYear(), date.getYear(),
            properties.overrideFile().isEmpty() ? "none configured" : properties.overrideFile());
      }
      return properties.workingDays().contains(date.getDayOfWeek());
    }

    LocalDate nextWorkingDayAfter(LocalDate date) {
      LocalDate candidate = date;
      for (int i = 0; i < MAX_DAYS_WITHOUT_WORK; i++) {
        candidate = candidate.plusDays(1);
        if (isWorkingDay(candidate)) {
          return candidate;
        }
      }
      throw new IllegalStateException(
          "No working day within " + MAX_DAYS_WITHOUT_WORK + " days after " + date
              + ": check serviceloop.calendar.working-days and the override file");
    }
  }

  private static Map<LocalDate, Boolean> readLibraryYear(int year) {
    Map<LocalDate, Boolean> days = new HashMap<>();
    try {
      for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
        LegalHoliday holiday = LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth());
        if (holiday != null) {
          days.put(d, holiday.isWork());
        }
      }
    } catch (RuntimeException outOfRange) {
      // tyme4j rejects years outside its range: treat them as not covered.
      return Map.of();
    }
    return Map.copyOf(days);
  }

  // ---------------------------------------------------------------- values from processes and forms

  /**
   * A moment from a process variable or form value: {@code Date}, {@code Instant}, {@code OffsetDateTime},
   * {@code ZonedDateTime}, {@code LocalDateTime} (in the calendar's zone) or an ISO string such as
   * {@code 2026-11-20T17:00+08:00}, {@code 2026-11-20T09:00Z} or {@code 2026-11-20T17:00} (in the zone).
   *
   * @throws IllegalArgumentException for null, another type or an unparseable string
   */
  public Instant toInstant(Object value) {
    return parseMoment(value, zone);
  }

  private static final java.util.regex.Pattern ENGINE_REST_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
  private static final java.time.format.DateTimeFormatter ENGINE_REST_DATE_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** {@link #toInstant(Object)} for code without a calendar at hand; a string without offset is in {@code zone}. */
  public static Instant parseMoment(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.atZone(zone).toInstant();
    }
    if (value instanceof CharSequence text && !text.toString().isBlank()) {
      String s = text.toString().strip();
      if (ENGINE_REST_DATE.matcher(s).matches()) {
        // as the engine's REST API writes a Date (and a read-only form field may send it back)
        return OffsetDateTime.parse(s, ENGINE_REST_DATE_FORMAT).toInstant();
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return ZonedDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notZoned) {
          try {
            return LocalDateTime.parse(s).atZone(zone).toInstant();
          } catch (DateTimeParseException notLocal) {
            throw new IllegalArgumentException(
                "Not a date-time: \"" + s + "\" (expected ISO-8601 such as 2026-11-20T17:00+08:00)");
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "Not a date-time: " + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  /**
   * A moment as staff read it on a task form: local time in the calendar's zone with its weekday and
   * offset, e.g. "2026-11-23 10:00 周一 (+08:00)"; null for null. Used by the models' input parameters
   * (${workingTimeCalendar.display(firstContactDue)}), so forms never show raw UTC.
   */
  public String display(Object value) {
    return value == null ? null : DISPLAY.format(toInstant(value).atZone(zone));
  }

  private static final java.time.format.DateTimeFormatter DISPLAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm EEE (xxx)", Locale.CHINA);

  // ---------------------------------------------------------------- ISO-8601 durations

  /** An ISO-8601 duration split into its date part and its time part. */
  record IsoSpan(Period period, Duration time, boolean hasCalendarUnits) {

    static final String EXAMPLES = "ISO-8601 such as PT2H, PT30M, P3D, P1DT4H";

    static IsoSpan parse(String iso) {
      if (iso == null || iso.isBlank()) {
        throw new IllegalArgumentException("A duration is required (" + EXAMPLES + ")");
      }
      String s = iso.strip().toUpperCase(Locale.ROOT);
      if (s.indexOf('-') >= 0) {
        throw new IllegalArgumentException("Duration \"" + iso + "\" must not be negative");
      }
      if (!s.startsWith("P") || s.length() < 3) {
        throw invalid(iso, null);
      }
      int t = s.indexOf('T');
      String datePart = t < 0 ? s : s.substring(0, t);
      String timePart = t < 0 ? null : "PT" + s.substring(t + 1);
      if (timePart != null && timePart.length() == 2) {
        throw invalid(iso, null); // "P1DT": a T without time units
      }
      Period period;
      Duration time;
      try {
        period = datePart.length() == 1 ? Period.ZERO : Period.parse(datePart);
        time = timePart == null ? Duration.ZERO : Duration.parse(timePart);
      } catch (DateTimeException e) {
        throw invalid(iso, e);
      }
      boolean calendarUnits =
          period.getYears() != 0 || period.getMonths() != 0 || datePart.indexOf('W') >= 0;
      return new IsoSpan(period, time, calendarUnits);
    }

    private static IllegalArgumentException invalid(String iso, Exception cause) {
      return new IllegalArgumentException("Not an ISO-8601 duration: \"" + iso + "\" (expected " + EXAMPLES + ")", cause);
    }
  }
}
