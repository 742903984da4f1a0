package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /organizations/{org}/templateversions}: imports {@code file_id} (or the starter
 * {@code example_id}) with {@code provisioner}. {@code template_id} attaches the version to an
 * existing template; {@code name} is generated when empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTemplateVersionRequest(
        String name,
        String message,
        UUID templateId,
        ProvisionerStorageMethod storageMethod,
        UUID fileId,
        String exampleId,
        ProvisionerType provisioner,
        Map<String, String> tags,
        List<VariableValue> userVariableValues) {
    public CreateTemplateVersionRequest {
        name = name == null ? "" : name;
        message = message == null ? "" : message;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        userVariableValues = userVariableValues == null ? List.of() : List.copyOf(userVariableValues);
    }

    /** An import of an uploaded file with the given provisioner, not attached to a template. */
    public static CreateTemplateVersionRequest ofFile(UUID fileId, ProvisionerType provisioner) {
        return new CreateTemplateVersionRequest("", "", null, ProvisionerStorageMethod.FILE, fileId, null, provisioner,
                Map.of(), List.of());
    }

    /** An import of a starter template ({@code GET /templates/examples}) that the server packs itself. */
    public static CreateTemplateVersionRequest ofExample(String exampleId, ProvisionerType provisioner) {
        return new CreateTemplateVersionRequest("", "", null, ProvisionerStorageMethod.FILE, null, exampleId, provisioner,
                Map.of(), List.of());
    }

    public CreateTemplateVersionRequest withTemplate(UUID template) {
        return new CreateTemplateVersionRequest(name, message, template, storageMethod, fileId, exampleId, provisioner,
                tags, userVariableValues);
    }

    public CreateTemplateVersionRequest withName(String newName, String newMessage) {
        return new CreateTemplateVersionRequest(newName, newMessage, templateId, storageMethod, fileId, exampleId,
                provisioner, tags, userVariableValues);
    }

    public CreateTemplateVersionRequest withTags(Map<String, String> newTags) {
        return new CreateTemplateVersionRequest(name, message, templateId, storageMethod, fileId, exampleId, provisioner,
                newTags, userVariableValues);
    }

    public CreateTemplateVersionRequest withVariables(List<VariableValue> values) {
        return new CreateTemplateVersionRequest(name, message, templateId, storageMethod, fileId, exampleId, provisioner,
                tags, values);
    }
}
