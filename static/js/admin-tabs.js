// The jQuery UI tabs calls that modeltranslation's tabbed admin makes (create with {active},
// "option", "active", n; a "tabsactivate" event), so the admin needs no CDN. Classic script:
// it runs after Django's jQuery, like the jQuery UI it stands in for.
(function ($) {
  "use strict";

  function activate($root, index) {
    const $tabs = $root.children("ul").children("li");
    const $panels = $root.children("div");
    const wanted = Math.max(0, Math.min(Number.isInteger(index) ? index : 0, $tabs.length - 1));
    const previous = $root.data("tabs-active");
    $tabs.removeClass("ui-tabs-active ui-state-active").attr({ "aria-selected": "false", tabindex: "-1" });
    $panels.addClass("ui-tabs-hide").attr("hidden", "hidden");
    const $tab = $tabs.eq(wanted).addClass("ui-tabs-active ui-state-active").attr({ "aria-selected": "true", tabindex: "0" });
    $panels.eq(wanted).removeClass("ui-tabs-hide").removeAttr("hidden");
    $root.data("tabs-active", wanted);
    if (previous !== undefined && previous !== wanted) {
      $root.trigger("tabsactivate", [{ newTab: $tab }]);
    }
  }

  $.fn.tabs = function (options, name, value) {
    return this.each(function () {
      const $root = $(this);
      if (options === "option") {
        if (name === "active") activate($root, value);
        return;
      }
      $root.addClass("ui-tabs ui-widget");
      $root.children("ul").addClass("ui-tabs-nav").attr("role", "tablist");
      $root.children("div").addClass("ui-tabs-panel").attr("role", "tabpanel");
      $root.children("ul").children("li").attr("role", "tab").each(function (index) {
        $(this).children("a").on("click", function (event) {
          event.preventDefault();
          activate($root, index);
        });
      });
      activate($root, (options && options.active) || 0);
    });
  };
})(window.jQuery || window.django.jQuery);
