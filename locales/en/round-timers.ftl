# Timed rounds (/open n minutes): a minute before the end, the judges who have not submitted and the chairs are told in private; at the end the round closes by itself, and the group sees only the close

timer-warn-judge = ⏰ One minute left to score #{ $n } { $name }: please submit your ballot.
timer-warn-chair = ⏰ One minute left for #{ $n } { $name }{ $pending ->
        [0] : every judge has submitted.
       *[other] : { $pending } judges have not submitted; { $reminded } reminded in private{ $unreachable ->
            [0] .
           *[other] ; not reachable in private: { $names } (remind them in person).
        }
    }
timer-up-chair = ⏰ Time is up: scoring of #{ $n } { $name } closed automatically.
