package org.xuncha.organization;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The region tree page (区域名册): the caller's top regions, then one level at a time with counts. */
@Controller
class RegionTreeController {

    private final RegionTree tree;

    RegionTreeController(RegionTree tree) {
        this.tree = tree;
    }

    @GetMapping("/regions")
    @PreAuthorize(Access.VIEW)
    String roots(RegionScope scope, Model model) {
        List<RegionTree.Node> roots = tree.roots(scope);
        if (roots.size() == 1) {
            return "redirect:/regions/" + roots.get(0).id();
        }
        model.addAttribute("node", null);
        model.addAttribute("children", roots);
        model.addAttribute("breadcrumb", List.of());
        return "organization/regions";
    }

    @GetMapping("/regions/{id}")
    @PreAuthorize(Access.VIEW)
    String node(@PathVariable long id, RegionScope scope, Model model) {
        RegionTree.Node node =
                tree.node(id, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (node.level() == RegionLevel.LOCALITY) {
            return "redirect:/localities/" + id;
        }
        model.addAttribute("node", node);
        model.addAttribute("children", tree.children(id, scope));
        model.addAttribute("breadcrumb", tree.pathTo(id, scope));
        return "organization/regions";
    }
}
