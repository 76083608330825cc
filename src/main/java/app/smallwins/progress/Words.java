package app.smallwins.progress;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Setting;

/**
 * The words of the progress views, from the resource bundle {@code app/smallwins/progress/words}
 * (English first; another language is one more {@code words_xx.properties}). Patterns are
 * {@link MessageFormat}s; everyday names of settings, prompts and capacities live beside them.
 */
final class Words {

    static final String BUNDLE = "app.smallwins.progress.words";
    private static final Words ENGLISH = new Words(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Words(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Words.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofPattern("d MMMM", locale);
    }

    static Words english() {
        return ENGLISH;
    }

    /** The pattern under `key`, filled in: parsed once, cloned for each use (a format is not thread-safe). */
    String say(String key, Object... arguments) {
        MessageFormat parsed = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        return ((MessageFormat) parsed.clone()).format(arguments);
    }

    String setting(Setting setting) {
        return say("setting." + setting.name());
    }

    /** "at home and in class". */
    String settings(Collection<Setting> settings) {
        return list(settings.stream().map(this::setting).toList());
    }

    String prompt(PromptLevel level) {
        return say("prompt." + level.name());
    }

    /** The goal's bar: "with no more than a spoken reminder". */
    String bar(PromptLevel level) {
        return say("bar." + level.name());
    }

    String capacity(Role role) {
        return say("capacity." + role.name());
    }

    String domain(Domain domain) {
        return domain == null ? say("domain.none") : say("domain." + domain.name());
    }

    String date(LocalDate day) {
        return dates.format(day);
    }

    /** "a", "a and b", "a, b and c". */
    String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return say("list.and", String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }

    /** Sentences, each already ending in its stop, joined by a space. */
    static String sentences(List<String> parts) {
        return String.join(" ", parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList());
    }

    /** The first letter in lower case, for a goal's plain words inside a sentence ("to sit for 20 minutes"). */
    static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
