package vn.directivetracker.agency;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agencies")
class AgencyController {

    private final AgencyRegistry registry;

    AgencyController(AgencyRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    List<Agency> list() {
        return registry.all();
    }
}
