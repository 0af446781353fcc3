/* Forms (see WEB-INF/tags): our own messages say what is wrong, all at once, so the browser's
   checks stay off; after a failed submit the error summary takes focus; its links focus their field. */
(function () {
    "use strict";
    function field(id) {
        var target = document.getElementById(id);
        if (target && !target.matches("input, select, textarea, button")) {
            target = target.querySelector("input, select, textarea") || target;
        }
        return target;
    }
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form").forEach(function (form) { form.noValidate = true; });
        // a field with an error inside a closed disclosure (the reply, edit and flag forms of a comment): open it
        document.querySelectorAll("details [aria-invalid='true']").forEach(function (invalid) {
            invalid.closest("details").open = true;
        });
        var summary = document.querySelector("[data-error-summary]");
        if (summary) {
            summary.focus();
        }
    });
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("[data-error-summary] a[data-field]");
        if (!link) {
            return;
        }
        var target = field(link.getAttribute("data-field"));
        if (target) {
            event.preventDefault();
            var label = document.querySelector("label[for='" + CSS.escape(target.id) + "']");
            (label || target).scrollIntoView({block: "center"});
            target.focus({preventScroll: true});
        }
    });
})();
