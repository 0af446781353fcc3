package org.duhbalkana.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the error summary at the top of a failed form lists (GOV.UK style, tag {@code d:errors}):
 * every error of the form that was submitted, in the order of its fields, each field error with
 * the id of its field (the summary links to it); and whether the page's title starts with "Error:".
 */
@Named("formErrors")
@RequestScoped
public class FormErrors {

    /** One line of the summary: {@code field} is the client id of the field, or null for the form as a whole. */
    public record Problem(String field, String label, String text) {
        public String getField() {
            return field;
        }

        public String getLabel() {
            return label;
        }

        public String getText() {
            return text;
        }
    }

    private final Map<String, List<Problem>> byForm = new HashMap<>();

    /** True when the request put an error on the page (a failed submit): the title then starts with "Error:". */
    public boolean isFailed() {
        FacesContext context = FacesContext.getCurrentInstance();
        FacesMessage.Severity worst = context.getMaximumSeverity();
        return context.isValidationFailed() || (worst != null && worst.compareTo(FacesMessage.SEVERITY_ERROR) >= 0);
    }

    /**
     * The errors of the form with this id, if it is the form that was submitted (in a repeat, the
     * instance that was submitted); none otherwise.
     */
    public List<Problem> of(String formId) {
        // Asked while the request is still being decoded and checked too (whether the summary is
        // rendered): only the answer of the render phase, when every message is in, is kept.
        if (FacesContext.getCurrentInstance().getCurrentPhaseId() != jakarta.faces.event.PhaseId.RENDER_RESPONSE) {
            return collect(formId);
        }
        List<Problem> known = byForm.get(formId);
        if (known == null) {
            known = collect(formId);
            byForm.put(formId, known);
        }
        return known;
    }

    private List<Problem> collect(String formId) {
        FacesContext context = FacesContext.getCurrentInstance();
        String form = submitted(context, formId);
        if (form == null) {
            return List.of();
        }
        List<String> order = fieldsInOrder(context, form);
        List<Problem> fields = new ArrayList<>();
        List<Problem> global = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Iterator<String> ids = context.getClientIdsWithMessages();
        while (ids.hasNext()) {
            String id = ids.next();
            if (id != null && !id.startsWith(form + ":")) {
                continue;
            }
            for (FacesMessage message : context.getMessageList(id)) {
                if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) < 0 || !seen.add(id + "\n" + message.getSummary())) {
                    continue;
                }
                if (id == null) {
                    global.add(new Problem(null, null, message.getSummary()));
                } else {
                    fields.add(new Problem(id, label(context, id), message.getSummary()));
                }
            }
        }
        fields.sort(java.util.Comparator.comparingInt(p -> {
            int at = order.indexOf(p.field());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        List<Problem> all = new ArrayList<>(global);
        all.addAll(fields);
        return all;
    }

    /** The client id of the submitted form whose own id is {@code formId}: its hidden field carries its client id. */
    private static String submitted(FacesContext context, String formId) {
        for (Map.Entry<String, String> p : context.getExternalContext().getRequestParameterMap().entrySet()) {
            String key = p.getKey();
            if ((key.equals(formId) || key.endsWith(":" + formId)) && key.equals(p.getValue())) {
                return key;
            }
        }
        return null;
    }

    /** The client ids of the form's fields in page order (a plain walk: no repeat is iterated, none is evaluated). */
    private static List<String> fieldsInOrder(FacesContext context, String form) {
        List<String> order = new ArrayList<>();
        walk(context, context.getViewRoot(), form, order);
        return order;
    }

    private static void walk(FacesContext context, UIComponent component, String form, List<String> order) {
        if (component instanceof EditableValueHolder) {
            String id = component.getClientId(context);
            if (id.startsWith(form + ":")) {
                order.add(id);
            }
        }
        Iterator<UIComponent> kids = component.getFacetsAndChildren();
        while (kids.hasNext()) {
            walk(context, kids.next(), form, order);
        }
    }

    private static String label(FacesContext context, String clientId) {
        String[] label = {null};
        context.getViewRoot().invokeOnComponent(context, clientId, (c, component) -> {
            Object value = component.getAttributes().get("label");
            // "Label: message" in the summary: a label's own closing stop or colon is left out
            label[0] = value == null ? null : value.toString().strip().replaceAll("[.:。]+$", "");
        });
        return label[0];
    }

    /** Marks the field with this client id invalid (an error the service found), so that it says aria-invalid. */
    public static void markInvalid(FacesContext context, String clientId) {
        if (clientId == null) {
            return;
        }
        context.getViewRoot().invokeOnComponent(context, clientId, (c, component) -> {
            if (component instanceof EditableValueHolder holder) {
                holder.setValid(false);
            }
        });
    }

    /**
     * Whether the button with this id was pressed in the row of this field (a repeat's row: the
     * button is the field's sibling, {@code list:3:replyText} and {@code list:3:sendReply}). For a
     * form of many rows, each with its own field and button: the field is required only when its
     * own row's button was pressed, so another row's button (or the form's) is not held up by it.
     * False for anything but a field (the tag also asks while the page is being built).
     */
    public boolean pressedBeside(UIComponent field, String button) {
        if (!(field instanceof EditableValueHolder)) {
            return false;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        String id = field.getClientId(context);
        int cut = id.lastIndexOf(UINamingContainer.getSeparatorChar(context));
        return cut > 0 && context.getExternalContext().getRequestParameterMap().containsKey(id.substring(0, cut + 1) + button);
    }

    /** Whether a button with this id (in any row of any form) was pressed: a field shared by the rows' buttons. */
    public boolean pressed(String button) {
        FacesContext context = FacesContext.getCurrentInstance();
        String tail = UINamingContainer.getSeparatorChar(context) + button;
        return context.getExternalContext().getRequestParameterMap().keySet().stream().anyMatch(k -> k.endsWith(tail));
    }

    /**
     * The value of a field's aria-describedby: its hint (when it has one) and, when it is invalid
     * or has a message, its error; null when there is neither.
     */
    public String describedBy(UIComponent field, boolean help) {
        FacesContext context = FacesContext.getCurrentInstance();
        String id = field.getClientId(context);
        StringBuilder ids = new StringBuilder();
        if (help) {
            ids.append(id).append("-help");
        }
        boolean invalid = field instanceof EditableValueHolder holder && !holder.isValid();
        if (invalid || !context.getMessageList(id).isEmpty()) {
            ids.append(ids.isEmpty() ? "" : " ").append(id).append("-error");
        }
        return ids.isEmpty() ? null : ids.toString();
    }
}
