package dev.warden.api.problems;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path of the API answers, read once from the JAX-RS resources themselves (their generated
 * interfaces' {@code @Path} and method annotations), for the {@code Allow} header of a 405: RESTEasy Reactive refuses
 * a method a path does not have without naming the ones it does.
 */
@ApplicationScoped
public class AllowedMethods {

    /** A path parameter, {@code {name}} or {@code {name: regex}}; group 1 is the regex. */
    private static final Pattern PARAMETER =
            Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private record Route(Pattern path, String method) {
    }

    private final List<Route> routes = new ArrayList<>();

    AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            for (Class<?> declaring : declaringTypes(type)) {
                Path base = declaring.getAnnotation(Path.class);
                if (base != null) {
                    for (Method method : declaring.getMethods()) {
                        httpMethod(method).ifPresent(verb -> routes.add(new Route(compile(base.value(),
                                method.getAnnotation(Path.class)), verb)));
                    }
                }
            }
        }
    }

    /** The {@code Allow} value for a path: its methods, HEAD with GET, and OPTIONS; empty when no route has it. */
    String allow(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return String.join(", ", methods);
    }

    private static List<Class<?>> declaringTypes(Class<?> type) {
        List<Class<?>> types = new ArrayList<>();
        types.add(type);
        types.addAll(List.of(type.getInterfaces()));
        return types;
    }

    /** The HTTP method a JAX-RS annotation on the method names ({@code @GET}, {@code @POST}, …), if any. */
    public static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static Pattern compile(String base, Path sub) {
        String template = (base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1) + ")");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
