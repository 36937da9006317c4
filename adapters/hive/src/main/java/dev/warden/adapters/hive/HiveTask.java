package dev.warden.adapters.hive;

import java.util.ArrayList;
import java.util.List;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ProviderException;

/**
 * One Hive task: the multipart field that carries the content ({@code text_data} or {@code url}) and the project it
 * goes to. Text parts become one task (joined by a blank line, as one piece of content); each image is a task of its
 * own, because a visual task takes one URL. Hive fetches the URL itself, so no bytes pass through Warden.
 */
record HiveTask(HiveProject project, String field, String content) {

    static final String TEXT_FIELD = "text_data";
    static final String URL_FIELD = "url";

    /** The tasks for {@code input}, refusing text over {@code maxTextLength} characters before any call. */
    static List<HiveTask> plan(ClassificationInput input, int maxTextLength) {
        List<HiveTask> tasks = new ArrayList<>();
        if (!input.texts().isEmpty()) {
            String text = input.joinedText();
            int length = text.codePointCount(0, text.length());
            if (length > maxTextLength) {
                throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "Hive text moderation takes at most "
                        + maxTextLength + " characters per task (max-text-length), got " + length);
            }
            tasks.add(new HiveTask(HiveProject.TEXT, TEXT_FIELD, text));
        }
        input.images().forEach(image -> tasks.add(new HiveTask(HiveProject.VISUAL, URL_FIELD, image.url())));
        return tasks;
    }

    /** Content stays out of logs that print a task. */
    @Override
    public String toString() {
        return "HiveTask[" + project + ", " + field + "]";
    }
}
