package vn.directivetracker.agency;

public class UnknownAgencyException extends RuntimeException {

    private final String code;

    public UnknownAgencyException(String code) {
        super("Không có đơn vị hoặc nhóm đơn vị mã '" + code + "'");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
