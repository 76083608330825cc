package app.smallwins.common.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;

import app.smallwins.SmallWinsApi;

/**
 * The API's path templates ({@code /api/v1/children/{childId}/goals/{goalId}}), read once
 * from the JAX-RS resources. They name a request that JAX-RS refused before it matched an
 * operation (405, 406, 415, a CORS or size refusal…), so metrics tag it with its template
 * and never with the ids of its path.
 */
@ApplicationScoped
public class PathTemplates {

    private final List<Template> templates;

    PathTemplates(BeanManager beans) {
        String root = SmallWinsApi.class.getAnnotation(ApplicationPath.class).value();
        Set<String> paths = new LinkedHashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path resource = bean.getBeanClass().getAnnotation(Path.class);
            if (resource == null) {
                continue;
            }
            paths.add(join(root, resource.value()));
            for (Method method : bean.getBeanClass().getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    paths.add(join(join(root, resource.value()), sub.value()));
                }
            }
        }
        this.templates = paths.stream().map(Template::parse)
                // Like JAX-RS matching: the template with the most literal segments wins.
                .sorted(Comparator.comparingInt(Template::literals).reversed())
                .toList();
    }

    /** The template the path belongs to, or null when it names no resource of the API. */
    public String match(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = split(path);
        for (Template template : templates) {
            if (template.matches(segments)) {
                return template.text();
            }
        }
        return null;
    }

    /** Every template, for tests and documentation. */
    public List<String> all() {
        return templates.stream().map(Template::text).toList();
    }

    private static String join(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String right = path.startsWith("/") ? path : "/" + path;
        return right.equals("/") ? left : left + right;
    }

    private static String[] split(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.toArray(String[]::new);
    }

    private record Template(String text, String[] segments, int literals) {

        static Template parse(String text) {
            String[] segments = split(text);
            int literals = 0;
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    // "{childId: regex}" and "{childId}" both name one segment.
                    int colon = segments[i].indexOf(':');
                    segments[i] = colon < 0 ? segments[i] : segments[i].substring(0, colon).strip() + "}";
                } else {
                    literals++;
                }
            }
            return new Template("/" + String.join("/", segments), segments, literals);
        }

        boolean matches(String[] path) {
            if (path.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].startsWith("{") && !segments[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
