package dev.jcoder.coderd.templateversions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobConverter;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateVersionParameterRow;
import dev.jcoder.coderd.store.TemplateVersionPresetRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.TemplateVersionVariableRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.MinimalUser;
import dev.jcoder.codersdk.Preset;
import dev.jcoder.codersdk.PresetParameter;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.TemplateVersionVariable;
import dev.jcoder.codersdk.ValidationMonotonicOrder;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Template version rows as the API shows them. */
public final class TemplateVersionConverter {
    static final String REDACTED = "*redacted*";

    private TemplateVersionConverter() {}

    public static TemplateVersion toSdk(Store store, TemplateVersionRow version) {
        var job = store.getProvisionerJobByID(version.jobId()).orElseThrow();
        UserRow creator = store.getUserByID(version.createdBy()).orElse(null);
        MinimalUser createdBy = creator == null ? new MinimalUser(version.createdBy(), "", "")
                : new MinimalUser(creator.id(), creator.username(), creator.avatarUrl());
        return new TemplateVersion(version.id(), version.templateId().orElse(null), version.organizationId(),
                version.createdAt(), version.updatedAt(), version.name(), version.message(),
                ProvisionerJobConverter.toSdk(store, job), version.readme(), createdBy, version.archived(), List.of());
    }

    public static TemplateVersionParameter toSdk(TemplateVersionParameterRow row) {
        List<TemplateVersionParameterOption> options = read(row.options(), new TypeReference<>() {});
        return new TemplateVersionParameter(row.name(), row.displayName(), row.description(), plaintext(row.description()),
                TemplateVersionParameterType.fromValue(row.type()), row.mutable(), row.defaultValue(), row.icon(), options,
                row.validationError(), row.validationRegex(), row.validationMin().orElse(null),
                row.validationMax().orElse(null),
                row.validationMonotonic().isEmpty() ? null : ValidationMonotonicOrder.fromValue(row.validationMonotonic()),
                row.required(), row.ephemeral());
    }

    static TemplateVersionVariable toSdk(TemplateVersionVariableRow row) {
        String value = row.sensitive() ? REDACTED : row.value();
        String defaultValue = row.sensitive() && !row.defaultValue().isEmpty() ? REDACTED : row.defaultValue();
        return new TemplateVersionVariable(row.name(), row.description(), row.type(), value, defaultValue, row.required(),
                row.sensitive());
    }

    public static Preset toSdk(TemplateVersionPresetRow row) {
        Map<String, String> parameters = new TreeMap<>(read(row.parameters(), new TypeReference<Map<String, String>>() {}));
        return new Preset(row.id(), row.name(),
                parameters.entrySet().stream().map(e -> new PresetParameter(e.getKey(), e.getValue())).toList(),
                row.isDefault());
    }

    /** Markdown reduced to its text, for {@code description_plaintext}. */
    static String plaintext(String markdown) {
        return markdown.replaceAll("[*_`#>]", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").strip();
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
